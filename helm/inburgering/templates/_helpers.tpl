{{- define "inburgering.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "inburgering.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "inburgering.labels" -}}
app.kubernetes.io/name: {{ include "inburgering.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "inburgering.selector" -}}
app.kubernetes.io/name: {{ include "inburgering.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "inburgering.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "inburgering.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "inburgering.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Environment shared by every role: settings from the ConfigMap, secrets by reference. */}}
{{- define "inburgering.env" -}}
- name: Oidc__SigningCertificate__Path
  value: /etc/inburgering/oidc/{{ .Values.oidc.signingCertificateKey }}
- name: Oidc__SigningCertificate__Password
  valueFrom:
    secretKeyRef: {name: {{ .Values.oidc.existingSecret }}, key: {{ .Values.oidc.signingPasswordKey }}}
- name: Oidc__EncryptionCertificate__Path
  value: /etc/inburgering/oidc/{{ .Values.oidc.encryptionCertificateKey }}
- name: Oidc__EncryptionCertificate__Password
  valueFrom:
    secretKeyRef: {name: {{ .Values.oidc.existingSecret }}, key: {{ .Values.oidc.encryptionPasswordKey }}}
{{- if .Values.smtp.existingSecret }}
- name: Smtp__UserName
  valueFrom:
    secretKeyRef: {name: {{ .Values.smtp.existingSecret }}, key: {{ .Values.smtp.userNameKey }}}
- name: Smtp__Password
  valueFrom:
    secretKeyRef: {name: {{ .Values.smtp.existingSecret }}, key: {{ .Values.smtp.passwordKey }}}
{{- end }}
{{- if and (eq .Values.documents.store "s3") .Values.documents.s3.existingSecret }}
- name: Bestanden__S3Opslag__AccessKey
  valueFrom:
    secretKeyRef: {name: {{ .Values.documents.s3.existingSecret }}, key: {{ .Values.documents.s3.accessKeyKey }}}
- name: Bestanden__S3Opslag__SecretKey
  valueFrom:
    secretKeyRef: {name: {{ .Values.documents.s3.existingSecret }}, key: {{ .Values.documents.s3.secretKeyKey }}}
{{- end }}
{{- end -}}

{{- define "inburgering.appConnection" -}}
- name: ConnectionStrings__Inburgering
  valueFrom:
    secretKeyRef: {name: {{ .Values.database.existingSecret }}, key: {{ .Values.database.appKey }}}
{{- if .Values.database.replicaKey }}
- name: ConnectionStrings__InburgeringReplica
  valueFrom:
    secretKeyRef: {name: {{ .Values.database.existingSecret }}, key: {{ .Values.database.replicaKey }}}
{{- end }}
{{- end -}}

{{- define "inburgering.volumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmpSizeLimit }}
- name: oidc
  secret:
    secretName: {{ .Values.oidc.existingSecret }}
    defaultMode: 0440
    items:
      - {key: {{ .Values.oidc.signingCertificateKey }}, path: {{ .Values.oidc.signingCertificateKey }}}
      - {key: {{ .Values.oidc.encryptionCertificateKey }}, path: {{ .Values.oidc.encryptionCertificateKey }}}
{{- end -}}

{{- define "inburgering.volumeMounts" -}}
- {name: tmp, mountPath: /tmp}
- {name: oidc, mountPath: /etc/inburgering/oidc, readOnly: true}
{{- end -}}

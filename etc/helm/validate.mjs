// Validates rendered manifests (YAML on stdin) against the Kubernetes schemas, offline: node validate.mjs <label>
// Prints one "ok" or "fail" line per manifest and exits 1 when any fails.
// Core kinds: kubernetes-models; ServiceMonitor: @kubernetes-models/prometheus-operator. CloudNativePG publishes no
// such package: its kinds are checked below for the fields the chart relies on, with the operator's types.
import { parseAllDocuments } from "yaml";

const modules = { "monitoring.coreos.com": "@kubernetes-models/prometheus-operator/monitoring.coreos.com" };

const isQuantity = (v) => typeof v === "string" && /^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti)$/.test(v);
const isRef = (v) => v && typeof v.name === "string" && v.name.length > 0;
const cnpg = {
    Cluster: (s) => [
        [Number.isInteger(s.instances) && s.instances >= 1, "spec.instances must be an integer >= 1"],
        [typeof s.imageName === "string" && s.imageName.includes(":"), "spec.imageName must name a tagged image"],
        [isQuantity(s.storage?.size), "spec.storage.size must be a quantity"],
        [s.walStorage === undefined || isQuantity(s.walStorage.size), "spec.walStorage.size must be a quantity"],
        [typeof s.bootstrap?.initdb?.database === "string" && typeof s.bootstrap.initdb.owner === "string", "spec.bootstrap.initdb needs database and owner"],
        [isRef(s.bootstrap?.initdb?.secret), "spec.bootstrap.initdb.secret must name a Secret"],
        [(s.managed?.roles ?? []).every((r) => typeof r.name === "string" && ["present", "absent"].includes(r.ensure) && isRef(r.passwordSecret)), "spec.managed.roles need name, ensure and passwordSecret"],
        [/^[1-9][0-9]*[dwm]$/.test(s.backup?.retentionPolicy ?? ""), "spec.backup.retentionPolicy must be like 35d"],
        [/^s3:\/\/|^gs:\/\/|^https:\/\//.test(s.backup?.barmanObjectStore?.destinationPath ?? ""), "spec.backup.barmanObjectStore.destinationPath must be an object store URL"],
        [isRef(s.backup?.barmanObjectStore?.s3Credentials?.accessKeyId) && isRef(s.backup.barmanObjectStore.s3Credentials.secretAccessKey), "spec.backup.barmanObjectStore.s3Credentials must reference a Secret"],
    ],
    ScheduledBackup: (s) => [
        [typeof s.schedule === "string" && s.schedule.trim().split(/\s+/).length === 6, "spec.schedule must be a six-field cron (seconds first)"],
        [isRef(s.cluster), "spec.cluster must name the Cluster"],
        [["self", "cluster", "none"].includes(s.backupOwnerReference ?? "none"), "spec.backupOwnerReference must be self, cluster or none"],
    ],
    Pooler: (s) => [
        [isRef(s.cluster), "spec.cluster must name the Cluster"],
        [Number.isInteger(s.instances) && s.instances >= 1, "spec.instances must be an integer >= 1"],
        [["rw", "ro"].includes(s.type), "spec.type must be rw or ro"],
        [["session", "transaction"].includes(s.pgbouncer?.poolMode), "spec.pgbouncer.poolMode must be session or transaction"],
        [Object.values(s.pgbouncer?.parameters ?? {}).every((v) => typeof v === "string"), "spec.pgbouncer.parameters values must be strings"],
    ],
};

const label = process.argv[2] ?? "manifests";
let input = "";
for await (const chunk of process.stdin) input += chunk;

const docs = parseAllDocuments(input).map((d) => d.toJSON()).filter((d) => d && d.kind);
let failed = 0;
for (const doc of docs) {
    const name = `${label}: ${doc.kind}/${doc.metadata?.name}`;
    const [group, version] = doc.apiVersion.includes("/") ? doc.apiVersion.split("/") : [null, doc.apiVersion];
    if (group === "postgresql.cnpg.io" && version === "v1" && cnpg[doc.kind]) {
        const problems = cnpg[doc.kind](doc.spec ?? {}).filter(([ok]) => !ok).map(([, message]) => message);
        if (!doc.metadata?.name) problems.push("metadata.name is required");
        console.log(problems.length ? `fail ${name}: ${problems.join("; ")}` : `ok ${name}`);
        failed += problems.length ? 1 : 0;
        continue;
    }
    let Model;
    try {
        const module = await import(group ? `${modules[group] ?? `kubernetes-models/${group}`}/${version}` : `kubernetes-models/${version}`);
        Model = module[doc.kind];
    } catch {
        Model = undefined;
    }
    if (!Model) {
        console.log(`fail ${name}: no schema for ${doc.apiVersion} ${doc.kind}`);
        failed++;
        continue;
    }
    try {
        new Model(doc).validate();
        console.log(`ok ${name}`);
    } catch (error) {
        console.log(`fail ${name}: ${error.message}`);
        failed++;
    }
}
if (docs.length === 0) {
    console.log(`fail ${label}: nothing rendered`);
    failed++;
}
process.exit(failed > 0 ? 1 : 0);

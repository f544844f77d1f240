// Validates rendered manifests (YAML on stdin) against the Kubernetes schemas, offline: node validate.mjs <label>
// Prints one "ok" or "fail" line per manifest and exits 1 when any fails.
import { parseAllDocuments } from "yaml";

const label = process.argv[2] ?? "manifests";
let input = "";
for await (const chunk of process.stdin) input += chunk;

const docs = parseAllDocuments(input).map((d) => d.toJSON()).filter((d) => d && d.kind);
let failed = 0;
for (const doc of docs) {
    const name = `${label}: ${doc.kind}/${doc.metadata?.name}`;
    const [group, version] = doc.apiVersion.includes("/") ? doc.apiVersion.split("/") : [null, doc.apiVersion];
    let Model;
    try {
        const module = await import(group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`);
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

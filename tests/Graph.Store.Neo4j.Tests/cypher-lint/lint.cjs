// Lints Cypher statements with Neo4j's own Cypher front end (@neo4j-cypher/language-support): syntax and semantic
// analysis, plus warnings for labels, types and properties the schema does not name, and for deprecated syntax.
// stdin:  {"schema": {labels, relationshipTypes, propertyKeys, defaultLanguage},
//          "statements": [{"name": "...", "text": "...", "parameters": {...}}]}
// stdout: [{"name": "...", "diagnostics": [{"severity": "error", "message": "...", "line": 1, "column": 1}]}]
'use strict';
const { lintCypherQuery } = require('@neo4j-cypher/language-support');

const severities = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

function lint(input) {
  return input.statements.map((statement) => {
    const schema = { ...input.schema, parameters: statement.parameters || {} };
    const { diagnostics } = lintCypherQuery(statement.text, schema);
    return {
      name: statement.name,
      diagnostics: diagnostics.map((d) => ({
        severity: severities[d.severity] || String(d.severity),
        message: d.message,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
      })),
    };
  });
}

let text = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { text += chunk; });
process.stdin.on('end', () => {
  try {
    process.stdout.write(JSON.stringify(lint(JSON.parse(text))));
  } catch (error) {
    process.stderr.write(`cypher-lint: ${error.stack || error}\n`);
    process.exitCode = 2;
  }
});

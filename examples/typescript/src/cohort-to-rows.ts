/**
 * Find a cohort, save it, export its series as CSV and check the rows against GraphQL.
 *
 * Usage: GRAPH_API_KEY=... npm start -- [--url http://127.0.0.1:5080] [--cancer-type prostate] [--modality MR]
 *
 * The operations are in operations.graphql; `npm run codegen` types them from schema/graph.graphql (a field the
 * schema lacks fails there, a wrong variable fails in `npm run build`). The key is a researcher's (or any role that
 * may save cohorts): `graph keys create --role researcher --owner me`.
 */
import { parseArgs } from "node:util";
import { print } from "graphql";
import { GraphQLClient } from "graphql-request";
import {
  PreviewDocument,
  SaveDocument,
  SeriesOfCohortDocument,
  type CohortCriteriaInput,
  type SeriesOfCohortQueryVariables,
} from "./generated/graphql.js";

const { values: args } = parseArgs({
  options: {
    url: { type: "string", default: process.env.GRAPH_URL ?? "http://127.0.0.1:5080" },
    "cancer-type": { type: "string", default: "prostate" },
    modality: { type: "string", default: "MR" },
    name: { type: "string", default: "typescript example" },
  },
});
const url = args.url.replace(/\/$/, "");
const headers: Record<string, string> = process.env.GRAPH_API_KEY ? { "X-Api-Key": process.env.GRAPH_API_KEY } : {};
const client = new GraphQLClient(`${url}/graphql`, { headers });

/** The records of an RFC 4180 CSV text (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field); rows.push(row); row = []; field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

async function main(): Promise<void> {
  // 1. Find: what the criteria select now, counted at every level.
  const criteria: CohortCriteriaInput = {
    patients: { cancerTypes: { some: { code: { eq: args["cancer-type"] } } } },
    series: { modality: { eq: args.modality } },
  };
  const { cohortPreview: preview } = await client.request(PreviewDocument, { criteria });
  console.log(`found: ${preview.patients.text} patients, ${preview.series.text} series`);

  // 2. Save: the cohort keeps its criteria and the member patients this key may read.
  const { saveCohort } = await client.request(SaveDocument, { input: { name: args.name, criteria } });
  const cohort = saveCohort.cohortId;
  console.log(`saved: cohort ${cohort}`);

  // 3. Export: every series of the cohort's patients with that modality, as CSV, streamed by the service.
  const variables: SeriesOfCohortQueryVariables = { cohort, modality: args.modality };
  const query = new URLSearchParams({
    document: print(SeriesOfCohortDocument), variables: JSON.stringify(variables), path: "series", format: "csv",
  });
  const response = await fetch(`${url}/export?${query}`, { headers });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`export failed (${response.status}): ${text}`);

  // 4. Read it: a header row, then one row per series; GraphQL counts the same series.
  const [header, ...rows] = parseCsv(text);
  const { series } = await client.request(SeriesOfCohortDocument, variables);
  console.log(`exported: ${rows.length} rows, ${header?.length ?? 0} columns; GraphQL totalCount ${series.totalCount}`);
  const bodyPart = header?.indexOf("bodyPart") ?? -1;
  const imageCount = header?.indexOf("imageCount") ?? -1;
  if (bodyPart < 0 || imageCount < 0) throw new Error(`the export lacks bodyPart or imageCount: ${header?.join(",")}`);
  const images = new Map<string, number>();
  for (const row of rows) images.set(row[bodyPart] || "(none)", (images.get(row[bodyPart] || "(none)") ?? 0) + Number(row[imageCount] || 0));
  for (const [part, count] of images) console.log(`${part}\t${count}`);
  if (rows.length !== series.totalCount || rows.length === 0) throw new Error("the export does not hold the cohort's series");
  console.log("ok");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

#!/usr/bin/env python3
"""Find a cohort, save it, export its series as CSV and read them into a pandas DataFrame.

Usage: GRAPH_API_KEY=... python3 cohort_to_dataframe.py [--url http://127.0.0.1:5080] [--cancer-type prostate] [--modality MR]

Needs only requests and pandas (Debian: python3-requests python3-pandas). The key is a researcher's (or any role
that may save cohorts): `graph keys create --role researcher --owner me`.
"""
import argparse
import io
import json
import os
import sys

import pandas as pd
import requests

SERIES_OF_COHORT = """
query SeriesOfCohort($cohort: String!, $modality: String) {
  series(where: { modality: { eq: $modality }, patient: { cohorts: { some: { cohortId: { eq: $cohort } } } } }) {
    totalCount
    nodes { seriesInstanceUid modality bodyPart manufacturer sliceThickness imageCount sizeBytes study { studyInstanceUid } patient { pseudonym sex } }
  }
}
"""


def graphql(session, url, query, variables=None):
    response = session.post(f"{url}/graphql", json={"query": query, "variables": variables or {}}, timeout=60)
    response.raise_for_status()
    body = response.json()
    if body.get("errors"):
        sys.exit(f"GraphQL errors: {json.dumps(body['errors'])}")
    return body["data"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("GRAPH_URL", "http://127.0.0.1:5080"))
    parser.add_argument("--cancer-type", default="prostate")
    parser.add_argument("--modality", default="MR")
    parser.add_argument("--name", default="notebook example")
    args = parser.parse_args()
    session = requests.Session()
    if os.environ.get("GRAPH_API_KEY"):
        session.headers["X-Api-Key"] = os.environ["GRAPH_API_KEY"]

    # 1. Find: what the criteria select now, counted at every level.
    criteria = {
        "patients": {"cancerTypes": {"some": {"code": {"eq": args.cancer_type}}}},
        "series": {"modality": {"eq": args.modality}},
    }
    preview = graphql(session, args.url, """
        query Preview($criteria: CohortCriteriaInput!) {
          cohortPreview(criteria: $criteria) { patients { readable text } series { readable text } }
        }""", {"criteria": criteria})["cohortPreview"]
    print(f"found: {preview['patients']['text']} patients, {preview['series']['text']} series")

    # 2. Save: the cohort keeps its criteria and the member patients this key may read.
    saved = graphql(session, args.url, """
        mutation Save($input: SaveCohortInput!) { saveCohort(input: $input) { cohortId } }""",
        {"input": {"name": args.name, "criteria": criteria}})["saveCohort"]
    cohort = saved["cohortId"]
    print(f"saved: cohort {cohort}")

    # 3. Export: every series of the cohort's patients with that modality, as CSV, streamed by the service.
    variables = {"cohort": cohort, "modality": args.modality}
    response = session.get(f"{args.url}/export", params={
        "document": SERIES_OF_COHORT, "variables": json.dumps(variables), "path": "series", "format": "csv",
    }, timeout=600)
    if response.status_code != 200:
        sys.exit(f"export failed ({response.status_code}): {response.text}")

    # 4. Read it: one row per series, typed columns.
    frame = pd.read_csv(io.StringIO(response.text))
    expected = graphql(session, args.url, SERIES_OF_COHORT, variables)["series"]["totalCount"]
    print(f"exported: {len(frame)} rows, {len(frame.columns)} columns; GraphQL totalCount {expected}")
    print(frame.dtypes.to_string())
    print(frame.groupby("bodyPart", dropna=False)["imageCount"].sum().to_string())
    if len(frame) != expected or len(frame) == 0:
        sys.exit("the export does not hold the cohort's series")
    print("ok")


if __name__ == "__main__":
    main()

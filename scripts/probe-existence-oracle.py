#!/usr/bin/env python3
"""Plays the same-conditions attack against a running service: for each (sex, age) target in a restricted dataset, asks
anonymously "T or G" and "(T and G) or G" (G a dataset no patient of T can be in) and reports how many targets of each size
were told apart. The truth comes from a curator key. Only a difference for targets of five or more patients is allowed.

usage: scripts/probe-existence-oracle.py URL CURATOR_KEY [TARGET_DATASET] [GUARD_DATASET] [MAX_AGE]
e.g.   scripts/probe-existence-oracle.py http://127.0.0.1:5080/graphql "$KEY" primage-brain-vienna chaimeleon-colon-valencia 25
Ages 0 to MAX_AGE (25: the target is a paediatric dataset) are probed; answers of 429 (the anonymous rate limit) are waited out.
"""
import json
import sys
import time
import urllib.error
import urllib.request
from collections import defaultdict

if len(sys.argv) < 3:
    sys.exit(__doc__)
url, key = sys.argv[1], sys.argv[2]
target_dataset = sys.argv[3] if len(sys.argv) > 3 else "primage-brain-vienna"
guard_dataset = sys.argv[4] if len(sys.argv) > 4 else "chaimeleon-colon-valencia"
max_age = int(sys.argv[5]) if len(sys.argv) > 5 else 25
count = "value readable restricted"
selection = f"patients {{ {count} }} studies {{ {count} }} series {{ {count} }} totalBytes {{ {count} }}"


def preview(criteria, api_key=None):
    query = f"{{ cohortPreview(criteria: {{ {criteria} }}) {{ {selection} }} }}"
    headers = {"Content-Type": "application/json", **({"X-Api-Key": api_key} if api_key else {})}
    request = urllib.request.Request(url, data=json.dumps({"query": query}).encode(), headers=headers)
    while True:
        try:
            body = json.load(urllib.request.urlopen(request))
            break
        except urllib.error.HTTPError as refused:
            if refused.code != 429:
                raise
            time.sleep(float(refused.headers.get("Retry-After") or 1))
    if "errors" in body:
        sys.exit(f"{criteria}: {json.dumps(body['errors'])}")
    return body["data"]["cohortPreview"]


guard = f'{{ datasets: {{ some: {{ slug: {{ eq: "{guard_dataset}" }} }} }} }}'
tally = defaultdict(lambda: [0, 0])
apart = []
for sex in "FM":
    for age in range(0, max_age + 1):
        target = f'datasets: {{ some: {{ slug: {{ eq: "{target_dataset}" }} }} }}, sex: {{ eq: "{sex}" }}, ageAtDiagnosis: {{ eq: {age} }}'
        truth = preview(f"patients: {{ {target} }}", key)["patients"]["value"]
        if truth is None:
            sys.exit("the key given cannot read every record: give a curator's key")
        a = preview(f"patients: {{ or: [{{ {target} }}, {guard}] }}")
        b = preview(f"patients: {{ or: [{{ {target}, and: [{guard}] }}, {guard}] }}")
        size = "0" if truth == 0 else "1-4" if truth < 5 else "5+"
        tally[size][0 if a == b else 1] += 1
        if a != b and truth < 5:
            apart.append((sex, age, truth))
for size in ("0", "1-4", "5+"):
    print(f"targets with {size} patients: {tally[size][0]} answered alike, {tally[size][1]} told apart")
for sex, age, truth in apart:
    print(f"told apart below the threshold: sex {sex}, age {age}, {truth} patients")
sys.exit(1 if apart else 0)

#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Where the CPU goes in a JFR recording: top frames of the jdk.ExecutionSample events.

  bbb-benchmarks/jfr-top.py RECORDING.jfr [THREAD_PREFIX] [METHOD ...]

Counts only samples of threads whose name starts with THREAD_PREFIX (default: all; the gateway's
are 'bbb-gateway'). Prints the top self frames and the top inclusive frames (share of samples whose
stack holds the method), then for each METHOD given (e.g. Sealer.seal) its share and its direct
callees' shares. Record with, for example:
  java -XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=filename=peak.jfr,settings=profile ...
"""
import collections
import json
import subprocess
import sys


def name(frame):
    m = frame["method"]
    return m["type"]["name"].split(".")[-1] + "." + m["name"]


def main():
    recording = sys.argv[1]
    prefix = sys.argv[2] if len(sys.argv) > 2 else ""
    methods = sys.argv[3:]
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "256", "--events", "jdk.ExecutionSample", recording],
                         check=True, capture_output=True, text=True).stdout
    total = 0
    own = collections.Counter()
    inclusive = collections.Counter()
    hits = collections.Counter()
    callees = {m: collections.Counter() for m in methods}
    for event in json.loads(out)["recording"]["events"]:
        values = event["values"]
        thread = (values.get("sampledThread") or {}).get("javaName") or ""
        frames = [name(f) for f in ((values.get("stackTrace") or {}).get("frames") or [])]
        if not thread.startswith(prefix) or not frames:
            continue
        total += 1
        own[frames[0]] += 1
        inclusive.update(set(frames))
        for m in methods:
            for i, f in enumerate(frames):
                if f.endswith(m):
                    hits[m] += 1
                    callees[m][frames[i - 1] if i > 0 else "(self)"] += 1
                    break
    if total == 0:
        sys.exit("no samples of threads named " + repr(prefix) + "*")
    print(f"samples: {total} (threads '{prefix}*')")
    print("-- self")
    for k, c in own.most_common(25):
        print(f"{c * 100 / total:5.1f}% {k}")
    print("-- inclusive")
    for k, c in inclusive.most_common(40):
        print(f"{c * 100 / total:5.1f}% {k}")
    for m in methods:
        print(f"== {m}: {hits[m] * 100 / total:.1f}%")
        for k, c in callees[m].most_common(8):
            print(f"   {c * 100 / total:5.1f}% {k}")


if __name__ == "__main__":
    main()

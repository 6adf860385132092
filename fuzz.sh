#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Coverage-guided fuzzing of every @FuzzTest target, one after the other, each for the time its
# @FuzzTest(maxDuration) allows (90 s). The normal build (mvn verify) only replays the committed
# corpus in src/test/resources/**/<Class>Inputs/<method>/; this script fuzzes for real.
#
#   ./fuzz.sh                          # all targets
#   ./fuzz.sh CallbackVerifierFuzzTest # the targets of one class
#
# New corpus entries land in .cifuzz-corpus/ (not committed). A finding fails the run and leaves a
# crash-* file in the module directory: copy it into the target's Inputs directory (it then replays
# in every build) and turn it into a named regression test.
set -euo pipefail
cd "$(dirname "$0")"

targets=(
  "bbb-client XmlResponseFuzzTest#xmlResponse"
  "bbb-client JsonResponseFuzzTest#jsonResponse"
  "bbb-client WebhookDeliveryFuzzTest#parse"
  "bbb-client CallbackVerifierFuzzTest#recordingReady"
  "bbb-client CallbackVerifierFuzzTest#analytics"
  "bbb-client CallbackVerifierFuzzTest#webhook"
  "bbb-client CallbackVerifierFuzzTest#meetingEnded"
  "bbb-client RequestBuilderFuzzTest#createMeeting"
  "bbb-client RequestBuilderFuzzTest#joinMeeting"
  "bbb-client RequestBuilderFuzzTest#getRecordings"
  "bbb-testkit SimulatorRequestFuzzTest#rawQuery"
  "bbb-testkit SimulatorRequestFuzzTest#encodedParameters"
)

failed=0
for entry in "${targets[@]}"; do
  module=${entry%% *}
  test=${entry#* }
  if [[ $# -gt 0 && $test != "$1"* ]]; then
    continue
  fi
  echo "== fuzzing $module $test"
  start=$(date +%s)
  # Jazzer fuzzes one target per JVM; only the default Surefire execution runs (not the
  # Turkish-locale one, which would fuzz the same target again).
  if JAZZER_FUZZ=1 mvn -B -q -pl "$module" -am -Djazzer.hooks=true -Dtest="$test" \
      -Dsurefire.failIfNoSpecifiedTests=false test-compile surefire:test@default-test; then
    echo "== $test: no finding in $(( $(date +%s) - start )) s"
  else
    echo "== $test: FINDING or failure after $(( $(date +%s) - start )) s (see crash-* in $module/)"
    failed=1
  fi
done
exit $failed

#!/usr/bin/env sh
# The full fault campaign (docs/proof-suite.md). Usage: verification/proof/faults.sh [duration] [pg-restarts] [kafka-stops] [injected-results] [kafka-outages]
#   verification/proof/faults.sh PT10M 3 2 200 PT30S,PT2M
# Everything runs on loopback; the run is bounded by the duration (load) plus at most 5 minutes to settle.
set -eu
cd "$(dirname "$0")/../.."
exec ./mvnw -pl :proof -am verify -Pfaults -Dtest=FullFaultCampaignTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfaults.duration="${1:-PT10M}" \
  -Dfaults.pg-restarts="${2:-3}" \
  -Dfaults.kafka-stops="${3:-2}" \
  -Dfaults.injected-results="${4:-200}" \
  -Dfaults.kafka-outages="${5:-PT30S,PT2M}"

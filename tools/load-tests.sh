#!/usr/bin/env sh
# The Gatling load tests against the out-of-process system, then the auditor (docs/load-tests.md): PostgreSQL, the
# Kafka broker and the application (the launcher's orderflow.jar) as processes of their own, ThroughputSimulation and
# OversellSimulation against it, the auditor on the store. Fails unless every simulation held and the auditor is clean.
# Writes verification/proof/target/proof/load-tests/report.md and the Gatling reports under verification/proof/target/proof/load-tests/gatling/.
#   tools/load-tests.sh                                          both simulations, at their default sizes
#   tools/load-tests.sh -o -Dorderflow.load.throughput.rate=50   any Maven option, any -Dorderflow.load.* or -Dload-tests.* setting
set -eu
cd "$(dirname "$0")/.."
exec ./mvnw -B -ntp -pl :proof -am verify -Pload-tests -Dtest=LoadTestCampaign -Dsurefire.failIfNoSpecifiedTests=false "$@"

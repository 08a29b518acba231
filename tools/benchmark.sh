#!/usr/bin/env sh
# The benchmark (docs/performance.md): PostgreSQL, the Kafka broker, the application and the load generator as
# processes of their own on this machine. Prints its report and writes verification/proof/target/proof/benchmark/report.md.
#   tools/benchmark.sh                                  every workload, at the default sizes
#   tools/benchmark.sh -Dbenchmark.phases=hot,idle      some workloads; any -Dbenchmark.* setting (docs/performance.md)
# Run it on a quiet machine: every figure shares the same cores.
set -eu
cd "$(dirname "$0")/.."
exec ./mvnw -B -ntp -pl :proof -am verify -Pbenchmark -Dtest=EndToEndBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"

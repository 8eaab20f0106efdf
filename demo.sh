#!/usr/bin/env bash
# mirrorwatch demo: the lab (two real Kafka clusters, a real MirrorMaker 2, an order workload) and the
# agent watching it. Prints the readiness verdict and the failover plan, runs the reconciler once over
# what was produced so far, then keeps running until Ctrl-C, which stops every process this script started (by PID).
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -f lab/target/mirrorwatch-lab.jar ] || [ ! -f agent/target/mirrorwatch-agent.jar ] \
    || [ ! -f reconciler/target/mirrorwatch-reconciler.jar ] || [ ! -f cutover/target/mirrorwatch-cutover.jar ]; then
  echo "building (first run only)..."
  ./mvnw -B -q package -DskipTests
fi

work=$(mktemp -d)
LAB= AGENT=
cleanup() {
  [ -n "$AGENT" ] && kill "$AGENT" 2>/dev/null || true
  [ -n "$LAB" ] && kill "$LAB" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "starting the lab: two KRaft clusters and MirrorMaker 2 (about 30 s)..."
STARTED=$(date -u +%Y-%m-%dT%H:%M:%SZ)
java -jar lab/target/mirrorwatch-lab.jar --rate 20 --info-file "$work/lab.properties" > "$work/lab.log" 2>&1 &
LAB=$!
for _ in $(seq 1 240); do
  [ -f "$work/lab.properties" ] && break
  kill -0 "$LAB" 2>/dev/null || { cat "$work/lab.log"; exit 1; }
  sleep 0.5
done
[ -f "$work/lab.properties" ] || { echo "the lab did not start in 120 s"; cat "$work/lab.log"; exit 1; }
prop() { grep "^$1=" "$work/lab.properties" | cut -d= -f2- | sed 's/\\:/:/g'; }
PRIMARY=$(prop primary.bootstrap.servers)
DR=$(prop dr.bootstrap.servers)
JMX=$(prop mm2.jmx.url)
PORT=${MIRRORWATCH_PORT:-9464}

cat > "$work/agent.yaml" <<YAML
scrape: {interval: 5s, deadline: 3s}
http: {bind: 127.0.0.1, port: $PORT}
clusters:
  primary: {bootstrap.servers: "$PRIMARY"}
  dr: {bootstrap.servers: "$DR"}
flows:
  - source: primary
    target: dr
    topics: {include: ["orders"]}
    groups: {include: ["order-processor"]}
    mm2: {jmx: [{url: "$JMX"}]}
indirection:
  - alias: "localhost:${PRIMARY##*:}"
idempotency: {idempotentGroups: [order-processor]}
YAML

echo "starting the agent on http://127.0.0.1:$PORT ..."
java -jar agent/target/mirrorwatch-agent.jar --config "$work/agent.yaml" > "$work/agent.log" 2>&1 &
AGENT=$!
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$PORT/metrics" 2>/dev/null | grep -q '^mirrorwatch_ready{.*} 1'; then break; fi
  kill -0 "$AGENT" 2>/dev/null || { cat "$work/agent.log"; exit 1; }
  sleep 1
done
echo
echo "== /readiness =="
curl -fsS "http://127.0.0.1:$PORT/readiness" | head -60
echo
echo "== /metrics (mirrorwatch_*) =="
curl -fsS "http://127.0.0.1:$PORT/metrics" | grep '^mirrorwatch_' | grep -v '_collect_' | head -40
echo
# The failover runbook's first step, read-only: would failing over to dr now be safe, and what would
# it do to each consumer group? (Exit 0 go, 1 blocked; nothing is written to either cluster.)
echo "== failover plan (read-only) =="
java -jar cutover/target/mirrorwatch-cutover.jar failover plan --config "$work/agent.yaml" \
  || echo "(failover plan exit code $?: see the blockers above)"
echo
# No failover happened in the demo, so the reconciler should find nothing: every order produced
# since the lab started was processed exactly once. (The drill and its faults are in the tests.)
echo "== reconciliation of everything produced so far (Flink, embedded) =="
cat > "$work/reconcile.yaml" <<YAML
clusters:
  primary: {bootstrap.servers: "$PRIMARY"}
  dr: {bootstrap.servers: "$DR"}
replication: {policy: default}
eventId: {from: header, name: event-id}
streams: [orders]
downstream: [orders-processed]
groups: [order-processor]
window: {failoverAt: "$STARTED", failbackAt: "$(date -u -d '-5 seconds' +%Y-%m-%dT%H:%M:%SZ)", margin: 0s, downstreamGrace: 1m}
parallelism: 1
YAML
java -Xmx1g -jar reconciler/target/mirrorwatch-reconciler.jar --config "$work/reconcile.yaml" --out "$work/report" \
  || echo "(reconciler exit code $?: see the summary above)"
echo
echo "lab and agent keep running: http://127.0.0.1:$PORT/metrics, /readiness, /health"
echo "lab logs: $(prop lab.dir) -- press Ctrl-C to stop everything"
wait "$AGENT"

"""The orderflow side-by-side benchmark harness (run it with bench/harness/run.sh)."""

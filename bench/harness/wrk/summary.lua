-- Prints wrk's own end-of-run figures as one JSON line the harness parses: wrk's latency histogram
-- gives the mean and any percentile (its --latency table has no 95th).
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK-SUMMARY {"requests":%d,"duration_us":%d,"bytes":%d,"connect_errors":%d,"read_errors":%d,' ..
    '"write_errors":%d,"status_errors":%d,"timeout_errors":%d,"mean_us":%.1f,"p95_us":%d}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency:percentile(95)))
end

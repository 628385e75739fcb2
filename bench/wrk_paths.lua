-- wrk script of bench_serve.py --client wrk: each request asks for the next path of the file named in
-- WRK_PATHS (one a line); wrk's threads take every n-th line, so no path is sent twice while the file
-- lasts (it then starts over). done() prints requests/s and p50/p95/p99 (ms) as one JSON line.
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do
  paths[#paths + 1] = line
end

local count = 0

function setup(thread)
  count = count + 1
  thread:set("id", count)
end

function init(args)
  id = tonumber(id)
  count_threads = tonumber(os.getenv("WRK_THREADS"))
  at = id
end

function request()
  local path = paths[at]
  at = at + count_threads
  if at > #paths then
    at = id
  end
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format('{"requests": %d, "errors": %d, "rps": %.1f, "p50": %.1f, "p95": %.1f, "p99": %.1f}\n',
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end

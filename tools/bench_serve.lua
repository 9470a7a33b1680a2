-- wrk script for tools/bench_serve.py: every article is posted once (no repeats), then the
-- thread stops. Arguments (after `--`): the articles file prefix, the request path and, for a
-- paced phase, the pause in milliseconds each connection takes before each request (0: none).
-- Each wrk thread reads PREFIX.N (its id N): article bodies separated by NUL bytes.
-- Lines on stdout tell the driver how far the load is: "checkpoint N" after a tenth of a
-- thread's articles, "finished N" when its last answer came; the driver then ends wrk
-- (SIGINT) and done() prints one "result ..." line of figures (latencies in microseconds).
-- An answer with a Server-Timing header (serve --server-timing) is echoed as "timing VALUE",
-- for the driver's per-stage breakdown.
-- wrk asks each connection's delay() before its every request, and calls request() once more
-- on thread 0 to inspect it (never sent): only a request() that a delay() let go takes an
-- article, so none is skipped and none is posted twice.

local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

local bodies, sent, received, total, checkpoint, path, pause
local cleared = 0 -- connections delay() let go that have not taken their article yet
local headers = { ["Content-Type"] = "text/plain" }

function init(args)
  local file = assert(io.open(args[1] .. "." .. id, "rb"))
  local data = file:read("*a")
  file:close()
  bodies = {}
  local start = 1
  while start <= #data do
    local stop = string.find(data, "\0", start, true) or (#data + 1)
    bodies[#bodies + 1] = string.sub(data, start, stop - 1)
    start = stop + 1
  end
  path = args[2]
  pause = tonumber(args[3] or "0") or 0
  sent, received, total = 0, 0, #bodies
  checkpoint = math.max(1, math.floor(total / 10))
end

function delay()
  -- nothing left to post: this connection waits until the thread stops
  if sent + cleared >= total then
    return 3600000
  end
  cleared = cleared + 1
  return pause
end

function request()
  if cleared == 0 then -- wrk inspecting the request: show it the first article, take none
    return wrk.format("POST", path, headers, bodies[1])
  end
  cleared = cleared - 1
  sent = sent + 1
  return wrk.format("POST", path, headers, bodies[sent])
end

function response(status, headers, body)
  local timing = headers["server-timing"] or headers["Server-Timing"]
  if timing then
    io.write("timing " .. timing .. "\n")
  end
  received = received + 1
  if received == checkpoint then
    io.write("checkpoint " .. id .. "\n")
    io.flush()
  end
  if received == total then
    io.write("finished " .. id .. "\n")
    io.flush()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "result requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d mean_us=%.0f " ..
      "connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, summary.duration, latency:percentile(50.0), latency:percentile(99.0),
    latency.max, latency.mean, e.connect, e.read, e.write, e.status, e.timeout))
end

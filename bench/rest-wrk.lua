-- wrk script of the benchmark's rest-wrk measure (bench/src/bench/RestWrkMeasure.java): POST /1/disassociate, each request ONE distinct number in
-- CleverTap's own body {"d":[{"type":"phone","value":"+9198XXXXXXXX"}]} and CleverTap's own headers
-- (X-CleverTap-Account-Id / X-CleverTap-Passcode, from WRK_ACCOUNT_ID / WRK_PASSCODE; the benchmark's by default).
--
--   wrk -t2 -c64 -d20s --timeout 10s --latency -s bench/rest-wrk.lua http://127.0.0.1:PORT/1/disassociate -- 70000000 2
--
-- The arguments after -- are the first number (the 8 digits after +9198), the stride n, at least wrk's -t (default
-- 64), and the numbers a request (default 1). Thread i makes first + i, first + i + n, first + i + 2n, ...: distinct
-- across threads and requests. The stride
-- is an argument, not counted in setup(): wrk starts each thread as soon as it is set up, before the next one's setup.
-- wrk calls request() once before the run (thread 0's first request, never sent) to check the script. done() prints
-- one line, "rest-wrk: key=value ...", that the benchmark reads: requests and latency percentiles (microseconds), the
-- answers that were not 202 by status, and how many numbers each thread made, from which the benchmark knows every number
-- sent.
-- (per > 1 is for comparing bigger requests; the rest-wrk measure sends one number a request.)

local threads = {}

function setup(thread)
   thread:set("id", #threads)
   table.insert(threads, thread)
end

function init(args)
   first = tonumber(args[1] or "70000000")
   stride = tonumber(args[2] or "64")
   per = tonumber(args[3] or "1")
   if id >= stride then
      error("rest-wrk.lua: stride " .. stride .. " is less than wrk's threads")
   end
   sent = 0
   answered = 0
   non202 = 0
   statuses = {}
   headers = {
      ["Content-Type"] = "application/json",
      ["X-CleverTap-Account-Id"] = os.getenv("WRK_ACCOUNT_ID") or "BENCH",
      ["X-CleverTap-Passcode"] = os.getenv("WRK_PASSCODE") or "bench-passcode",
   }
end

function request()
   local records = {}
   for j = 1, per do
      records[j] = '{"type":"phone","value":"' .. string.format("+9198%08d", first + id + stride * sent) .. '"}'
      sent = sent + 1
   end
   return wrk.format("POST", nil, headers, '{"d":[' .. table.concat(records, ",") .. ']}')
end

function response(status, headers, body)
   answered = answered + 1
   if status ~= 202 then
      non202 = non202 + 1
      statuses[status] = (statuses[status] or 0) + 1
   end
end

function done(summary, latency, requests)
   local sentBy, total202, totalNon202, byStatus = {}, 0, 0, {}
   local first, stride = 0, 0
   -- sent_by_thread counts numbers (per of them a request)
   for _, t in ipairs(threads) do
      first = t:get("first")
      stride = t:get("stride")
      table.insert(sentBy, tostring(t:get("sent")))
      total202 = total202 + t:get("answered") - t:get("non202")
      totalNon202 = totalNon202 + t:get("non202")
      for status, count in pairs(t:get("statuses")) do
         byStatus[status] = (byStatus[status] or 0) + count
      end
   end
   local statusList = {}
   for status, count in pairs(byStatus) do
      table.insert(statusList, status .. ":" .. count)
   end
   local e = summary.errors
   io.write(string.format("rest-wrk: requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d "
         .. "mean_us=%d answered202=%d non202=%d statuses=%s first=%d stride=%d per=%d sent_by_thread=%s errors_connect=%d "
         .. "errors_read=%d errors_write=%d errors_timeout=%d\n",
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
      latency:percentile(99.9), latency.max, latency.mean, total202, totalNon202,
      #statusList > 0 and table.concat(statusList, ",") or "-", first, stride, threads[1]:get("per"), table.concat(sentBy, ","),
      e.connect, e.read, e.write, e.timeout))
end

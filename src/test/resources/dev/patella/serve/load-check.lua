-- wrk script for ServeLoad (DevServerLoadTest and bench/serve-load.sh): requests the paths given after "--" in turn, and checks
-- every response: status 200, a Content-Length equal to the body's length, HTML that ends
-- in </html> and SVG that ends in </svg> (so nothing torn or half-written), and no error
-- overlay. Prints one PATELLA-LOAD line with the counts when the run is done.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  paths = args
  sent = 0
  responses = 0
  failures = 0
  first_failure = "none"
end

function request()
  sent = sent + 1
  return wrk.format("GET", paths[(sent % #paths) + 1])
end

local function header(headers, name)
  for key, value in pairs(headers) do
    if string.lower(key) == name then
      return value
    end
  end
  return nil
end

function response(status, headers, body)
  responses = responses + 1
  local length = tonumber(header(headers, "content-length"))
  local kind = header(headers, "content-type") or ""
  local bad = nil
  if status ~= 200 then
    bad = "status " .. status
  elseif length == nil or length ~= #body then
    bad = "Content-Length " .. tostring(length) .. " but a body of " .. #body
  elseif string.find(kind, "text/html", 1, true) and not string.find(body, "</html>%s*$") then
    bad = "HTML that does not end in </html>"
  elseif string.find(kind, "image/svg", 1, true) and not string.find(body, "</svg>%s*$") then
    bad = "SVG that does not end in </svg>"
  elseif string.find(body, "patella-overlay", 1, true) then
    bad = "the error overlay"
  end
  if bad then
    failures = failures + 1
    if first_failure == "none" then
      first_failure = string.gsub(bad, " ", "_")
    end
  end
end

function done(summary, latency, requests)
  local checked, failed, first = 0, 0, "none"
  for _, thread in ipairs(threads) do
    checked = checked + thread:get("responses")
    failed = failed + thread:get("failures")
    if first == "none" then
      first = thread:get("first_failure")
    end
  end
  local e = summary.errors
  io.write(string.format("PATELLA-LOAD requests=%.0f checked=%.0f failures=%.0f connect=%.0f read=%.0f write=%.0f "
      .. "status=%.0f timeout=%.0f duration_us=%.0f bytes=%.0f p50_us=%.0f p99_us=%.0f first_failure=%s\n",
      summary.requests, checked, failed, e.connect, e.read, e.write, e.status, e.timeout, summary.duration,
      summary.bytes, latency:percentile(50), latency:percentile(99), first))
end

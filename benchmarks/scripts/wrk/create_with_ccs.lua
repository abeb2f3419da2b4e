-- POST /api/v1/tickets with N unique CCs per request (wrk -s post.lua; env CCS, DEPT)
local ccs = tonumber(os.getenv("CCS") or "5")
local dept = os.getenv("DEPT")
local n = 0
local thread_id = 0
local counter = 0
function setup(thread) counter = counter + 1; thread:set("tid", counter) end
function init(args) thread_id = tid end
request = function()
  n = n + 1
  local list = {}
  for i = 1, ccs do list[#list + 1] = string.format('"cc%d.%d.%d@example.org"', thread_id, n, i) end
  local body = string.format('{"departmentId":"%s","subject":"Load %d","description":"x","requester":{"email":"req%d.%d@example.org","name":"R"},"fields":{%s}}',
    dept, n, thread_id, n, ccs > 0 and ('"cc":[' .. table.concat(list, ",") .. ']') or "")
  return wrk.format("POST", "/api/v1/tickets", {["Content-Type"]="application/json", ["Authorization"]="Bearer alice-token"}, body)
end

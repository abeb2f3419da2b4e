-- POST /api/v1/tickets with N CCs per request (wrk -s create_with_ccs.lua; env CCS, DEPT, POOL).
-- Without POOL every CC is a new address (a new contact each); with POOL=k they cycle through k
-- addresses, so once the first requests have made them, every CC is a contact already.
local ccs = tonumber(os.getenv("CCS") or "5")
local pool = tonumber(os.getenv("POOL") or "0")
local dept = os.getenv("DEPT")
local n = 0
local thread_id = 0
local counter = 0
function setup(thread) counter = counter + 1; thread:set("tid", counter) end
function init(args) thread_id = tid end
request = function()
  n = n + 1
  local list = {}
  for i = 1, ccs do
    if pool > 0 then
      list[#list + 1] = string.format('"known%d@example.org"', ((n - 1) * ccs + i - 1) % pool)
    else
      list[#list + 1] = string.format('"cc%d.%d.%d@example.org"', thread_id, n, i)
    end
  end
  local body = string.format('{"departmentId":"%s","subject":"Load %d","description":"x","requester":{"email":"req%d.%d@example.org","name":"R"},"fields":{%s}}',
    dept, n, thread_id, n, ccs > 0 and ('"cc":[' .. table.concat(list, ",") .. ']') or "")
  return wrk.format("POST", "/api/v1/tickets", {["Content-Type"]="application/json", ["Authorization"]="Bearer alice-token"}, body)
end

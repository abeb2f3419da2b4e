-- POST /api/v1/tickets without fields (the bare host has no cc field)
local dept = os.getenv("DEPT")
local n = 0
local counter = 0
function setup(thread) counter = counter + 1; thread:set("tid", counter) end
function init(args) thread_id = tid end
request = function()
  n = n + 1
  local body = string.format('{"departmentId":"%s","subject":"Load %d","description":"x","requester":{"email":"req%d.%d@example.org","name":"R"}}', dept, n, thread_id, n)
  return wrk.format("POST", "/api/v1/tickets", {["Content-Type"]="application/json", ["Authorization"]="Bearer alice-token"}, body)
end

-- wrk script for the order flow of the orderflow shop (API.md version 1).
-- Run it with as many threads as connections (wrk -tN -cN): wrk cannot tell a script which connection
-- a response arrived on, so each thread drives exactly one connection, and that connection is one user.
-- Thread i logs in once as row i of users.csv, then repeats: put 1-2 distinct random products into the
-- cart, create the order. It counts the orders created (201) and every other answer to an order.
--
-- Needs: USERS_CSV (path to users.csv) and PRODUCTS (number of products, ids 1..N) in the environment.
-- LIST_PRODUCTS=1 adds GET /api/products?in_stock=true at the start of each iteration, as the JMeter
-- samplers do (the answer is not parsed: every seeded product is in stock for the length of a run).

local users = {}
local threads = {}
local next_user = 0

local function load_users(path)
  local f = assert(io.open(path, "r"), "cannot open " .. path)
  local first = true
  for line in f:lines() do
    if first then
      first = false
    else
      local name, password = line:match("^([^,]+),(.*)$")
      if name then users[#users + 1] = { name = name, password = password } end
    end
  end
  f:close()
end

function setup(thread)
  if #users == 0 then load_users(os.getenv("USERS_CSV") or "csv-data/users.csv") end
  assert(next_user < #users, "more connections than users in users.csv")
  local user = users[next_user + 1]
  thread:set("username", user.name)
  thread:set("password", user.password)
  thread:set("products", tonumber(os.getenv("PRODUCTS") or "100"))
  thread:set("list_products", os.getenv("LIST_PRODUCTS") == "1")
  next_user = next_user + 1
  threads[#threads + 1] = thread
end

-- per thread (one connection, one user) from here on
local token, step, plan
created, refused, failed_logins, cart_failures = 0, 0, 0, 0

function init(args)
  math.randomseed(os.time() + tonumber(string.match(tostring({}), "0x(%x+)") or "0", 16) % 100000)
  step = "login"
end

local function new_plan()
  local n = products
  local a = math.random(n)
  plan = { a }
  if math.random(2) == 2 and n > 1 then
    local b = math.random(n - 1)
    if b >= a then b = b + 1 end
    plan[2] = b
  end
end

local function first_step()
  if list_products then return "list" else return "cart" end
end

local function json_headers()
  local h = { ["Content-Type"] = "application/json" }
  if token then h["Authorization"] = "Token " .. token end
  return h
end

function request()
  if step == "login" then
    return wrk.format("POST", "/api/auth/login", json_headers(),
      string.format('{"username":"%s","password":"%s"}', username, password))
  elseif step == "list" then
    return wrk.format("GET", "/api/products?in_stock=true", json_headers())
  elseif step == "order" then
    return wrk.format("POST", "/api/orders", json_headers(), "{}")
  else
    if plan == nil or #plan == 0 then new_plan() end
    return wrk.format("POST", "/api/cart/items", json_headers(),
      string.format('{"product_id":%d,"quantity":1}', plan[1]))
  end
end

function response(status, headers, body)
  if step == "login" then
    token = body:match('"token"%s*:%s*"([^"]+)"')
    if status == 200 and token then step = first_step() else failed_logins = failed_logins + 1 end
  elseif step == "list" then
    step = "cart"
  elseif step == "cart" then
    if status == 201 then
      table.remove(plan, 1)
      if #plan == 0 then step = "order" end
    else
      cart_failures = cart_failures + 1
      plan = nil
      step = first_step()
    end
  else
    if status == 201 then created = created + 1 else refused = refused + 1 end
    plan = nil
    step = first_step()
  end
end

function done(summary, latency, requests)
  local c, r, l, cf = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    r = r + t:get("refused")
    l = l + t:get("failed_logins")
    cf = cf + t:get("cart_failures")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("orders created (201): %d in %.1f s = %.0f orders/s\n", c, seconds, c / seconds))
  io.write(string.format("orders refused: %d, cart failures: %d, failed logins: %d\n", r, cf, l))
  io.write(string.format("ORDERS_CREATED=%d\nORDERS_PER_SECOND=%.0f\n", c, c / seconds))
end

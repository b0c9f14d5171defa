-- wrk script for the device check-in benchmark (bench/run-device.sh). Each request is a check-in of one
-- of the benchmark's screens, picked at random, with a fresh nonce. The screens file (written by
-- DeviceBenchmark) has one "credential fingerprint" pair a line; pass its path after "--".
local screens = {}
local sent = 0

function init(args)
   for line in io.lines(args[1]) do
      local credential, fingerprint = line:match("^(%S+)%s+(%S+)$")
      if credential then
         screens[#screens + 1] = {
            "Bearer " .. credential,
            '{"fingerprint":"' .. fingerprint .. '","nonce":"',
         }
      end
   end
   math.randomseed(os.time() + #tostring({}) * 7919)
end

function request()
   sent = sent + 1
   local screen = screens[math.random(#screens)]
   local body = screen[2] .. sent .. "-" .. math.random(1000000000) .. '"}'
   return wrk.format("POST", "/api/v1/device/check-in",
      { ["Authorization"] = screen[1], ["Content-Type"] = "application/json" }, body)
end

local function f(x) return (x - 3) * (x - 3) end
local x = 0.0
local h = 1e-6
for _ = 1, 2000000 do
  local slope = (f(x + h) - f(x - h)) / (2 * h)
  x = x - 0.000001 * slope
end
print(x)

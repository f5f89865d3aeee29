local n = 120
local a, b, c = {}, {}, {}
for i = 0, n - 1 do
  a[i], b[i], c[i] = {}, {}, {}
  for j = 0, n - 1 do
    a[i][j] = ((i * j) % 7) + 0.0
    b[i][j] = ((i + j) % 5) + 0.0
  end
end
for i = 0, n - 1 do
  for j = 0, n - 1 do
    local total = 0.0
    for k = 0, n - 1 do
      total = total + a[i][k] * b[k][j]
    end
    c[i][j] = total
  end
end
print(c[5][11], c[n - 2][3])

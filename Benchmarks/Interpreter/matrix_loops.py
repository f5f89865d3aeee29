n = 120
a = [[0.0] * n for _ in range(n)]
b = [[0.0] * n for _ in range(n)]
for i in range(n):
    for j in range(n):
        a[i][j] = float((i * j) % 7)
        b[i][j] = float((i + j) % 5)
c = [[0.0] * n for _ in range(n)]
for i in range(n):
    for j in range(n):
        total = 0.0
        for k in range(n):
            total += a[i][k] * b[k][j]
        c[i][j] = total
print(c[5][11], c[n - 2][3])

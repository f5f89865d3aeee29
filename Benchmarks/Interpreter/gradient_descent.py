def f(x):
    return (x - 3) * (x - 3)
x = 0.0
h = 1e-6
for _ in range(2_000_000):
    slope = (f(x + h) - f(x - h)) / (2 * h)
    x -= 0.000001 * slope
print(x)

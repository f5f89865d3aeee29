import numpy as np
rng = np.random.default_rng(1)
xs = rng.uniform(0, 10, size=(100_000, 1))
ys = 3.0 * xs + 2.0 + rng.normal(0, 0.5, size=(100_000, 1))
w = 0.0
b = 0.0
for _ in range(200):
    errors = (w * xs + b) - ys
    gradient_w = 2.0 * np.mean(errors * xs)
    gradient_b = 2.0 * np.mean(errors)
    w -= 0.01 * gradient_w
    b -= 0.01 * gradient_b
print(w, b, np.mean(((w * xs + b) - ys) ** 2))

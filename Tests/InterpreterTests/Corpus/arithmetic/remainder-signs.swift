for a in [7, -7] {
    for b in [3, -3] {
        print(a, "/", b, "=", a / b, "remainder", a % b)
    }
}
print(9 % 3, -9 % 3)
print(0 % 5)
print(1 % 5)

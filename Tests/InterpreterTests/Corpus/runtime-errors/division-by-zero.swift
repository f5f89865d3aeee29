// expect-error: 4:11: division by zero
let divisors = [4, 2, 1, 0]
for d in divisors {
    print(100 / d)
}

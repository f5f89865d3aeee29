var n = 27
var steps = 0
while n != 1 {
    if n % 2 == 0 {
        n /= 2
    } else {
        n = 3 * n + 1
    }
    steps += 1
}
print("collatz steps", steps)
var countdown = 3
while countdown > 0 {
    print(countdown)
    countdown -= 1
}
print("liftoff")
var never = 0
while never > 0 {
    print("not printed")
}
var x = 1.0
while x < 100 {
    x *= 3
}
print(x)

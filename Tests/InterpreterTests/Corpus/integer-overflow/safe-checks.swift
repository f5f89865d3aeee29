let values = [Int.max - 2, 5, Int.max]
for v in values {
    if v > Int.max - 3 {
        print(v, "is too close to Int.max to add 3")
    } else {
        print(v + 3)
    }
}
let a = 3_037_000_499
print(a * a)
print(a * a <= Int.max)

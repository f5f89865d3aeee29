let fruits = ["apple", "banana", "cherry"]
for fruit in fruits {
    print(fruit)
}
for row in [[1, 2], [3, 4]] {
    print(row.reduce(0, +))
}
for c in "hey" {
    print(c)
}
for x in [1.5, 2.5] {
    print(x * 2)
}
for (a, b) in [(1, "one"), (2, "two")] {
    print(a, b)
}

let names = ["ann", "bob", "cy"]
for (index, name) in names.enumerated() {
    print(index, name)
}
let scores = [90, 75, 82]
for (name, score) in zip(names, scores) {
    print(name, score)
}
let xs = [1.0, 2.0, 3.0, 4.0]
let ys = [10.0, 20.0]
for (x, y) in zip(xs, ys) {
    print(x * y)
}
print(Array(zip(names, scores)).count)
var dot = 0.0
for (x, y) in zip(xs, [1.0, 0.5, 0.25, 0.125]) {
    dot += x * y
}
print(dot)
for (i, c) in "ab".enumerated() {
    print(i, c)
}

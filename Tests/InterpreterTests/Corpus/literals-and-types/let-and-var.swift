let answer = 42
var count = 0
count = count + 1
count = count + 1
var name = "Swift"
name = "Swift-math"
print(answer, count, name)
let pi = 3.14159
var ratio: Double = 1
ratio = ratio / 4
print(pi, ratio)
let flag = true
var other: Bool = false
other = !flag
print(flag, other)
var list = [1, 2]
list = [3]
print(list)

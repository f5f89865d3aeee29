var n = 10
n += 5
print(n)
n -= 3
print(n)
n *= 2
print(n)
n /= 5
print(n)
n %= 3
print(n)
var x = 1.5
x += 1
x *= 3
x -= 0.5
x /= 4
print(x)
var s = "ab"
s += "cd"
s += String(n)
print(s)
var list = [1, 2]
list += [3, 4]
print(list)
var total = 0
for i in 1...4 {
    total += i * i
}
print(total)

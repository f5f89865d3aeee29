var a = 1
var b = 2
(a, b) = (b, a)
print(a, b)
print((1, "a") == (1, "a"))
print((1, 2) < (1, 3), (2, 0) < (1, 9))
print((1, 2) != (1, 2))
var t = (x: 1, y: 2)
t.x = 10
print(t)
var u = t
u.y = 20
print(t, u)

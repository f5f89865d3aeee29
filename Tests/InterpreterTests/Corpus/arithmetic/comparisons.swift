let a = 3
let b = 5
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(3 == 3, 3 <= 3, 3 < 3)
let x = 0.1 + 0.2
print(x == 0.3, x > 0.3)
print(2.5 < 3, 2.0 == 2)
print("apple" < "banana", "Zebra" < "apple", "a" == "a")
print("abc" != "abd")
print(true == false, true != false)
print([1, 2] == [1, 2], [1, 2] == [2, 1])
print(-0.0 == 0.0)

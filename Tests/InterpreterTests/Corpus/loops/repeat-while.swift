var i = 0
repeat {
    print("iteration", i)
    i += 1
} while i < 3
var once = 10
repeat {
    print("runs once even though", once, ">= 10")
    once += 1
} while once < 10
var guess = 1.0
repeat {
    guess = (guess + 2 / guess) / 2
} while abs(guess * guess - 2) > 1e-12
print(guess)

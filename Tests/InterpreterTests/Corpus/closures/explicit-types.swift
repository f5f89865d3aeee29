let square: (Int) -> Int = { (x: Int) -> Int in
    return x * x
}
print(square(7))
let greet = { (name: String) -> String in
    let upper = name.uppercased()
    return "HELLO " + upper
}
print(greet("ann"))
let noArguments: () -> Double = { 2.5 }
print(noArguments())
let computed: Int = {
    var sum = 0
    for i in 1...4 { sum += i }
    return sum
}()
print(computed)

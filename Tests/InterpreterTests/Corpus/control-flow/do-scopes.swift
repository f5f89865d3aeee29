let x = 1
do {
    let x = "inner"
    print(x)
}
print(x)
do {
    var total = 0
    for i in 1...3 { total += i }
    print("total in scope", total)
}
do {
    let total = 10.5
    print("another total", total)
}
var counter = 0
do {
    counter += 1
    do {
        counter += 10
    }
}
print(counter)

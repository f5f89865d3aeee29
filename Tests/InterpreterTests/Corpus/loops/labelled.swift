outer: for i in 1...3 {
    for j in 1...3 {
        if j == 2 {
            continue outer
        }
        if i == 3 {
            break outer
        }
        print(i, j)
    }
}
print("done")
search: for row in [[1, 2], [3, 42], [5, 6]] {
    for value in row {
        if value == 42 {
            print("found 42 in", row)
            break search
        }
    }
}
var n = 0
loop: while true {
    n += 1
    switch n {
    case 1...3:
        continue loop
    default:
        break loop
    }
}
print(n)

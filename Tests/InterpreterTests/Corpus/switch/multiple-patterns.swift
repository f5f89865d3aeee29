for n in 1...8 {
    switch n {
    case 1, 3, 5, 7:
        print(n, "odd")
    case 2, 4:
        print(n, "small even")
    default:
        print(n, "other")
    }
}
let day = 6
switch day {
case 1...5:
    print("weekday")
case 6, 7:
    print("weekend")
default:
    print("not a day")
}

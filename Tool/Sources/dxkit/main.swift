import DxKitCommands

DxKitMain.main()

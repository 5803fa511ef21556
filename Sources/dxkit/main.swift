import DxKitCommands
DxKitMain.main()

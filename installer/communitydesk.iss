; Inno Setup script: turns PyInstaller's dist\CommunityDesk folder into CommunityDesk-setup.exe.
; Build on Windows, from the repository root, after PyInstaller:
;   iscc installer\communitydesk.iss
; The user's data (%LOCALAPPDATA%\CommunityDesk) is never touched by install or uninstall.

#define AppName "CommunityDesk"
#define AppVersion "0.1.0"

[Setup]
AppId={{6C1F3B52-9E4A-4D2B-8F1E-2C7A5D0B9E31}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=CommunityDesk
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\dist
OutputBaseFilename=CommunityDesk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\CommunityDesk.exe

[Languages]
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\dist\CommunityDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\CommunityDesk.exe"
Name: "{group}\{#AppName} (démonstration)"; Filename: "{app}\CommunityDesk.exe"; Parameters: "--demo"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\CommunityDesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\CommunityDesk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

<#
.SYNOPSIS
  Builds the Windows app image and .msi of Encore in one go (run it on Windows; the twin of build-linux.sh).

.DESCRIPTION
  powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1          -> dist\windows\Encore\ and dist\windows\Encore-<version>.msi
  powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1 -NoMsi   -> app image only

  Needs JDK 17+ with jmods (JAVA_HOME), Maven on PATH, and for the .msi WiX Toolset 3.x (candle.exe and
  light.exe on PATH; jpackage 17 does not use WiX 4+). Same steps as build-linux.sh: build the jar, copy the
  runtime dependencies, keep only the host's natives, link a runtime of JDK + JavaFX modules with jlink (the
  app and DL4J stay on the class path), then jpackage. The .msi adds a Start-menu entry (group Encore), a
  desktop shortcut and an install-folder chooser; an "encore-cli" console launcher sits next to Encore.exe
  for the command line (a GUI launcher has no console on Windows). Sizes land in dist\windows\sizes.txt.
#>
param([switch]$NoMsi)

$ErrorActionPreference = 'Stop'
Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem

$Root = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
$Work = Join-Path $Root 'target\packaging'
$Dist = Join-Path $Root 'dist\windows'
# Never change: Windows Installer recognises upgrades of the same product by this id.
$UpgradeUuid = 'a3c65762-77f7-4093-a0e3-f978718947d4'
# javacpp/ND4J spell the platform windows-x86_64, JNA win32-x86-64; OpenJFX puts its DLLs at the jar root.
$Nd4jClassifier = 'windows-x86_64'
$NativeDirs = 'windows-x86_64|win32-x86-64'
$FxClassifier = 'win'
$NativePattern = '\.(so(\.[0-9]+)*|dll|dylib|jnilib|a)$'

function Log([string]$m) { Write-Host "[package] $m" }
function Die([string]$m) { [Console]::Error.WriteLine("package: error: $m"); exit 1 }
function SizeMb([string]$path) {
  $bytes = if (Test-Path $path -PathType Container) {
    (Get-ChildItem $path -Recurse -File | Measure-Object Length -Sum).Sum
  } else { (Get-Item $path).Length }
  '{0:N1}' -f ($bytes / 1MB)
}
function ReadModules([string]$file) {
  (Get-Content $file | ForEach-Object { ($_ -replace '#.*', '').Trim() } | Where-Object { $_ }) -join ','
}

$started = Get-Date

# JDK, Maven, WiX.
if (-not $env:JAVA_HOME) { Die 'set JAVA_HOME to a JDK 17+ (with jmods\)' }
foreach ($tool in 'jlink', 'jpackage', 'jdeps') {
  if (-not (Test-Path (Join-Path $env:JAVA_HOME "bin\$tool.exe"))) { Die "$env:JAVA_HOME\bin\$tool.exe missing: JAVA_HOME must be a full JDK 17+" }
}
if (-not (Test-Path (Join-Path $env:JAVA_HOME 'jmods\java.base.jmod'))) { Die "$env:JAVA_HOME\jmods is missing: jlink needs the JDK's jmods" }
if (-not (Get-Command mvn -ErrorAction SilentlyContinue)) { Die 'Maven (mvn) not found on PATH' }
if (-not $NoMsi -and -not (Get-Command candle.exe -ErrorAction SilentlyContinue)) {
  Die 'WiX Toolset 3.x (candle.exe, light.exe) not on PATH; install it or pass -NoMsi'
}
$jbin = Join-Path $env:JAVA_HOME 'bin'

# 1. Jar and runtime dependencies.
if (Test-Path $Work) { Remove-Item $Work -Recurse -Force }
$deps = Join-Path $Work 'deps'; $inputDir = Join-Path $Work 'input'; $fx = Join-Path $Work 'fx'
New-Item -ItemType Directory -Force -Path $deps, $inputDir, $fx | Out-Null
Log 'building the jar and copying runtime dependencies (mvn package)'
$mvnArgs = @('-B', '-q', '-Dstyle.color=never', '-DskipTests', "-Dnd4j.classifier=$Nd4jClassifier")
if ($env:ENCORE_MAVEN_ARGS) { $mvnArgs += $env:ENCORE_MAVEN_ARGS -split '\s+' }
$mvnArgs += @('package', 'dependency:copy-dependencies', '-DincludeScope=runtime', "-DoutputDirectory=$deps")
Push-Location $Root
try { & mvn @mvnArgs; if ($LASTEXITCODE -ne 0) { Die 'Maven build failed' } } finally { Pop-Location }
$props = Join-Path $Root 'target\maven-archiver\pom.properties'
$Version = ((Get-Content $props | Where-Object { $_ -like 'version=*' }) -replace '^version=', '').Trim()
if (-not $Version) { Die "no version in $props" }
$AppVersion = $Version -replace '-.*$', ''
$AppJar = "encore-$Version.jar"
Log "version $Version"

# 2. Host JavaFX jars to the module path; classifier-less openjfx jars are empty placeholders; the rest is class path.
Copy-Item (Join-Path $Root "target\$AppJar") $inputDir
foreach ($jar in Get-ChildItem $deps -Filter *.jar) {
  if ($jar.Name -like "javafx-*-$FxClassifier.jar") { Copy-Item $jar.FullName $fx }
  elseif ($jar.Name -notlike 'javafx-*') { Copy-Item $jar.FullName $inputDir }
}
if (-not (Get-ChildItem $fx -Filter "javafx-graphics-*.jar")) { Die "no javafx-graphics-*-$FxClassifier.jar among the dependencies" }

# 3. Only the host's natives: strip the others from jars that bundle every OS (JNA), then verify.
function IsHostNative([string]$jarName, [string]$entry) {
  if ($entry -match "(^|/)($NativeDirs)/[^/]+$") { return $true }
  return ($jarName -like "javafx-*-$FxClassifier.jar") -and ($entry -notmatch '/')
}
$jars = @(Get-ChildItem $inputDir -Filter *.jar) + @(Get-ChildItem $fx -Filter *.jar)
foreach ($jar in $jars) {
  $zip = [System.IO.Compression.ZipFile]::Open($jar.FullName, 'Update')
  try {
    $foreign = @($zip.Entries | Where-Object { $_.FullName -match $NativePattern -and -not (IsHostNative $jar.Name $_.FullName) })
    if ($foreign.Count -gt 0) {
      Log "removing other platforms' natives from $($jar.Name): $(($foreign | ForEach-Object FullName) -join ' ')"
      foreach ($e in $foreign) { $e.Delete() }
    }
  } finally { $zip.Dispose() }
}
$bad = @()
foreach ($jar in $jars) {
  if ($jar.Name -match '-(linux|macosx|windows|android|ios)-[a-z0-9_]+\.jar$' -and $jar.Name -notmatch "-($NativeDirs)\.jar$") { $bad += $jar.Name }
  $zip = [System.IO.Compression.ZipFile]::OpenRead($jar.FullName)
  try {
    $bad += @($zip.Entries | Where-Object { $_.FullName -match $NativePattern -and -not (IsHostNative $jar.Name $_.FullName) } |
      ForEach-Object { "$($jar.Name)!$($_.FullName)" })
  } finally { $zip.Dispose() }
}
if ($bad.Count -gt 0) { Die "natives of another platform would be packaged: $($bad -join ' ')" }
Log 'natives: host only'

# 4. Bundled sample: the launcher passes -Dencore.home=$APPDIR and the app opens $APPDIR\sample-data.
$sample = Join-Path $Root 'sample-data'
if (-not (Test-Path $sample -PathType Container)) { Die 'sample-data\ missing at the repository root: the packaged app must bundle it' }
Copy-Item $sample (Join-Path $inputDir 'sample-data') -Recurse

# 5. Runtime: packaging\jdk-modules.txt plus what jdeps finds, plus packaging\javafx-modules.txt. jdeps reads
#    a jar with a module-info as a module, and some DL4J jars list packages they lack there, so those jars are
#    analysed from a copy without their module-info. Jars of natives only are skipped.
$listed = ReadModules (Join-Path $Root 'packaging\jdk-modules.txt')
$plain = Join-Path $Work 'jdeps-jars'
New-Item -ItemType Directory -Force -Path $plain | Out-Null
$jdepsJars = @()
foreach ($jar in Get-ChildItem $inputDir -Filter *.jar) {
  $zip = [System.IO.Compression.ZipFile]::OpenRead($jar.FullName)
  try {
    $hasClasses = [bool]($zip.Entries | Where-Object { $_.FullName -like '*.class' } | Select-Object -First 1)
    $hasModuleInfo = [bool]($zip.Entries | Where-Object { $_.FullName -match '(^|/)module-info\.class$' } | Select-Object -First 1)
  } finally { $zip.Dispose() }
  if (-not $hasClasses) { continue }
  if ($hasModuleInfo) {
    $copy = Join-Path $plain $jar.Name
    Copy-Item $jar.FullName $copy
    $zip = [System.IO.Compression.ZipFile]::Open($copy, 'Update')
    try { @($zip.Entries | Where-Object { $_.FullName -match '^(META-INF/versions/[0-9]+/)?module-info\.class$' }) | ForEach-Object { $_.Delete() } }
    finally { $zip.Dispose() }
    $jdepsJars += $copy
  } else { $jdepsJars += $jar.FullName }
}
# Native tools write warnings to stderr; under 'Stop' Windows PowerShell would turn those into errors.
$ErrorActionPreference = 'Continue'
$found = (& "$jbin\jdeps.exe" --ignore-missing-deps --multi-release 17 --print-module-deps @jdepsJars 2>$null | Select-Object -Last 1)
$jdepsExit = $LASTEXITCODE
$ErrorActionPreference = 'Stop'
Remove-Item $plain -Recurse -Force
$modules = $listed
if ($jdepsExit -eq 0 -and $found) {
  $extra = @($found -split ',' | Where-Object { ($listed -split ',') -notcontains $_ })
  if ($extra.Count -gt 0) { Log "jdeps adds JDK modules not in packaging\jdk-modules.txt: $($extra -join ',')"; $modules = "$listed,$($extra -join ',')" }
} else { Log 'warning: jdeps gave no module list; using packaging\jdk-modules.txt only' }
$fxModules = ReadModules (Join-Path $Root 'packaging\javafx-modules.txt')
$modulePath = (@(Join-Path $env:JAVA_HOME 'jmods') + @(Get-ChildItem $fx -Filter *.jar | ForEach-Object FullName)) -join ';'
Log "jlink: $modules,$fxModules"
& "$jbin\jlink.exe" --module-path $modulePath --add-modules "$modules,$fxModules" `
  --strip-debug --no-header-files --no-man-pages --strip-native-commands --compress=2 `
  --output (Join-Path $Work 'runtime')
if ($LASTEXITCODE -ne 0) { Die 'jlink failed' }

# 6. jpackage: app image, then the .msi from it.
if (Test-Path $Dist) { Remove-Item $Dist -Recurse -Force }
New-Item -ItemType Directory -Force -Path $Dist | Out-Null
$identity = '@' + (Join-Path $Root 'packaging\jpackage\identity.args')
$launcher = '@' + (Join-Path $Root 'packaging\jpackage\launcher.args')
$icon = Join-Path $Root 'assets\icons\encore.ico'
Log 'jpackage: app image'
# Windows has no es2 pipeline: Direct3D first, software as the fallback.
& "$jbin\jpackage.exe" $identity $launcher --type app-image --app-version $AppVersion `
  --runtime-image (Join-Path $Work 'runtime') --input $inputDir --main-jar $AppJar --icon $icon `
  --java-options '-Dprism.order=d3d,sw' `
  --add-launcher ("encore-cli=" + (Join-Path $Root 'packaging\windows\encore-cli.properties')) `
  --dest $Dist
if ($LASTEXITCODE -ne 0) { Die 'jpackage (app image) failed' }

if (-not $NoMsi) {
  Log 'jpackage: .msi'
  & "$jbin\jpackage.exe" $identity --type msi --app-image (Join-Path $Dist 'Encore') --app-version $AppVersion `
    --license-file (Join-Path $Root 'LICENSE') --icon $icon `
    --win-menu --win-menu-group Encore --win-shortcut --win-dir-chooser --win-upgrade-uuid $UpgradeUuid `
    --dest $Dist
  if ($LASTEXITCODE -ne 0) { Die 'jpackage (.msi) failed' }
}
$seconds = [int]((Get-Date) - $started).TotalSeconds

$lines = @("Encore $Version, built $((Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mmZ')) on Windows, in ${seconds}s",
           "app image (dist\windows\Encore, = installed size): $(SizeMb (Join-Path $Dist 'Encore')) MB")
$msi = Get-ChildItem $Dist -Filter *.msi | Select-Object -First 1
if ($msi) { $lines += "installer ($($msi.Name)): $(SizeMb $msi.FullName) MB" }
$lines | Set-Content (Join-Path $Dist 'sizes.txt')
$lines | ForEach-Object { Write-Host $_ }
Log "done in ${seconds}s: $Dist"

# Copies each fleet export to its laptop's inbox: NAME.dtx.part first, renamed to NAME.dtx only
# once complete, so the laptop's inbox never picks up half a file.
#   deliver.ps1 -OutDir D:\downtime\out -InboxRoot \\fileserver\downtime-inboxes
# copies OutDir\<ward>.dtx to InboxRoot\<ward>\<ward>.dtx for every export. Exit 1 if any failed.
param([Parameter(Mandatory)] [string] $OutDir, [Parameter(Mandatory)] [string] $InboxRoot)
$failed = $false
foreach ($export in Get-ChildItem -Path $OutDir -Filter *.dtx) {
  $name = $export.BaseName
  $inbox = Join-Path $InboxRoot $name
  if (-not (Test-Path -PathType Container $inbox)) {
    Write-Error "deliver: no inbox $inbox for $($export.Name); skipped" -ErrorAction Continue
    $failed = $true
    continue
  }
  $part = Join-Path $inbox "$name.dtx.part"
  try {
    Copy-Item -LiteralPath $export.FullName -Destination $part -Force -ErrorAction Stop
    Move-Item -LiteralPath $part -Destination (Join-Path $inbox "$name.dtx") -Force -ErrorAction Stop
    Write-Output "deliver: $($export.Name) -> $inbox"
  } catch {
    Remove-Item -LiteralPath $part -Force -ErrorAction SilentlyContinue
    Write-Error "deliver: could not copy $($export.Name) to ${inbox}: $_" -ErrorAction Continue
    $failed = $true
  }
}
if ($failed) { exit 1 }

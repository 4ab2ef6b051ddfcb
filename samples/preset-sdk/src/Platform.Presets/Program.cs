using Platform.Presets;

// Writes every preset in both published forms: <folder>/<name>.baseconfig.yaml and <folder>/<name>.configmap.yaml.
var folder = args.Length > 0 ? args[0] : "presets";
Directory.CreateDirectory(folder);
foreach (var preset in PresetCatalog.All)
{
    File.WriteAllText(Path.Combine(folder, preset.Name + ".baseconfig.yaml"), preset.ToBaseConfigYaml());
    File.WriteAllText(Path.Combine(folder, preset.Name + ".configmap.yaml"), preset.ToConfigMapYaml());
    Console.WriteLine($"{preset.Name}: {folder}/{preset.Name}.baseconfig.yaml, {folder}/{preset.Name}.configmap.yaml");
}

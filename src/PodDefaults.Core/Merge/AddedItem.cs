using PodDefaults.Core.Model;

namespace PodDefaults.Core.Merge;

/// <summary>An item a PodDefault adds to the pod, remembered with the PodDefault that added it.</summary>
public readonly record struct AddedItem(JsonItem Item, PodDefault From);
